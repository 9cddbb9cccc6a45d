package org.splicecbm.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PythonReferenceTest {
    @Test
    void ciIsRecognisedAsCiServicesSetIt() {
        assertTrue(PythonReference.inCi("true"));
        assertTrue(PythonReference.inCi("1"));
        assertTrue(PythonReference.inCi("yes"));
        assertFalse(PythonReference.inCi(null));
        assertFalse(PythonReference.inCi(""));
        assertFalse(PythonReference.inCi("false"));
        assertFalse(PythonReference.inCi("0"));
    }

    @Test
    void aModuleThatDoesNotExistIsReportedMissing() {
        assertNotNull(PythonReference.missing("no_such_module_splicecbm"));
    }
}
