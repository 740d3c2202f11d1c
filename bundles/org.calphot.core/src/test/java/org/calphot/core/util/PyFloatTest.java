// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Python's repr() of floats, as cal_phot's .calib rows show them. Every expected string was printed by CPython 3.11.7
 * ({@code python3 -c "print(repr(1e23))"} ...), never by this code.
 */
class PyFloatTest {

    @Test
    void likePythonRepr() {
        assertEquals("0.1", PyFloat.repr(0.1));
        assertEquals("-0.32611781886862445", PyFloat.repr(-0.32611781886862445));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("0.0001", PyFloat.repr(1e-4));
        assertEquals("9.999999999999999e-05", PyFloat.repr(9.999999999999999e-5));
        assertEquals("1.5e-07", PyFloat.repr(1.5e-7));
        assertEquals("123.0", PyFloat.repr(123.0));
        assertEquals("123456789.0", PyFloat.repr(123456789.0));
        assertEquals("58404.12", PyFloat.repr(58404.12));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1234567890123456.0", PyFloat.repr(1234567890123456.0));
        assertEquals("9007199254740992.0", PyFloat.repr(9007199254740993.0));
        assertEquals("0.0017302948981523514", PyFloat.repr(0.0017302948981523514));
        assertEquals("0.30000000000000004", PyFloat.repr(0.1 + 0.2));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("0.0", PyFloat.repr(0.0));
        assertEquals("nan", PyFloat.repr(Double.NaN));
        assertEquals("inf", PyFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyFloat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("1.7976931348623157e+308", PyFloat.repr(Double.MAX_VALUE));
    }

    /** Values whose JDK 17 Double.toString is not Python's digits (too long, or not the nearest). */
    @Test
    void whereJava17DoubleToStringIsNotShortest() {
        assertEquals("1e+23", PyFloat.repr(1e23)); // JDK 17: 9.999999999999999E22
        assertEquals("8.41e+21", PyFloat.repr(8.41e21)); // JDK 17: 8.409999999999999E21
        assertEquals("2.82879384806159e+17", PyFloat.repr(2.82879384806159E17)); // JDK 17: 2.82879384806159008E17
        assertEquals("4.8726570057e+288", PyFloat.repr(4.8726570057E288)); // JDK 17: 4.8726570056999995E288
        assertEquals("1.9400994884341945e+25", PyFloat.repr(1.9400994884341945E25)); // JDK 17: ...944E25
        assertEquals("5e-324", PyFloat.repr(Double.MIN_VALUE)); // JDK 17: 4.9E-324
        assertEquals("1.5e-323", PyFloat.repr(3 * Double.MIN_VALUE)); // JDK 17: 1.5E-323
        assertEquals("-1e+23", PyFloat.repr(-1e23));
    }
}
