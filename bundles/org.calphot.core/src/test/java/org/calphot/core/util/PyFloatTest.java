package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.calphot.core.util.PyFloat;
import org.junit.jupiter.api.Test;

/** Python's repr() of floats, as cal_phot's .calib rows show them (values checked in CPython 3.11). */
class PyFloatTest {

    @Test
    void likePythonRepr() {
        assertEquals("0.1", PyFloat.repr(0.1));
        assertEquals("-0.32611781886862445", PyFloat.repr(-0.32611781886862445));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("0.0001", PyFloat.repr(1e-4));
        assertEquals("1.5e-07", PyFloat.repr(1.5e-7));
        assertEquals("123.0", PyFloat.repr(123.0));
        assertEquals("58404.12", PyFloat.repr(58404.12));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1234567890123456.0", PyFloat.repr(1234567890123456.0));
        assertEquals("0.0017302948981523514", PyFloat.repr(0.0017302948981523514));
        assertEquals("nan", PyFloat.repr(Double.NaN));
    }
}
