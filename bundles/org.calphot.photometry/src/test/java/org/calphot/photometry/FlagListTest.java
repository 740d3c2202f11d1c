// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.calphot.core.BadInputException;
import org.junit.jupiter.api.Test;

/** {@link FlagList}: flag names and numbers as the config and the commands give them. */
class FlagListTest {

    @Test
    void flagListParsesNumbersAndNames() throws Exception {
        assertEquals(4 | 8 | 256, FlagList.parse(List.of("4", "TARGET_AT_EDGE", "clouds"), "--ignore-flags"));
        assertThrows(BadInputException.class, () -> FlagList.parse(List.of("NOPE"), "--ignore-flags"));
        // issue 15 item 10: hipercam's ANY_FLAG = ~ALL_OK on a uint32 = 4294967295, by name or value, as in the config
        assertEquals(0xFFFFFFFF, FlagList.parse(List.of("ANY_FLAG"), "--flags"));
        assertEquals(0xFFFFFFFF, FlagList.parse(List.of("4294967295"), "--flags"));
        assertEquals(0x80000000, FlagList.parse(List.of("2147483648"), "--flags"));
        assertThrows(BadInputException.class, () -> FlagList.parse(List.of("4294967296"), "--flags"));
    }
}
