package org.splicecbm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.decompose.SpliceConfig;
import org.splicecbm.validation.InvalidArgumentException;

class ConceptsAndSpliceConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void defaultsFillMissingValues() {
        ConceptsConfig c = ConceptsConfig.defaults();
        assertEquals("laion", c.vocabulary());
        assertEquals(10000, c.size());
        assertEquals("published", c.imageMean());
        SpliceConfig s = SpliceConfig.defaults();
        assertEquals(0.25, s.l1Penalty());
        assertNull(s.tolerance());
        assertEquals(1e-6, s.toleranceOr(1e-6));
    }

    @Test
    void snakeCaseYamlMapsToTheRecords() throws Exception {
        ConceptsConfig c = YAML.readValue("vocabulary: laion_bigrams\nsize: 15000\nimage_mean: dataset\n", ConceptsConfig.class);
        assertEquals(new ConceptsConfig("laion_bigrams", 15000, "dataset"), c);
        assertTrue(c.imageMeanFromDataset());
        SpliceConfig s = YAML.readValue("l1_penalty: 0.35\ntolerance: 1.0e-5\n", SpliceConfig.class);
        assertEquals(new SpliceConfig(0.35, 1e-5), s);
        assertEquals(new ConceptsConfig("mscoco", 10000, "published"), YAML.readValue("vocabulary: mscoco\n", ConceptsConfig.class));
    }

    @Test
    void invalidValuesNameTheKey() {
        assertEquals("concepts.size: must be > 0, found 0",
                assertThrows(InvalidArgumentException.class, () -> new ConceptsConfig("laion", 0, null)).getMessage());
        assertEquals("concepts.image_mean: must be published or dataset, found mscoco",
                assertThrows(InvalidArgumentException.class, () -> new ConceptsConfig("laion", 10, "mscoco")).getMessage());
        assertEquals("concepts.vocabulary", assertThrows(InvalidArgumentException.class, () -> new ConceptsConfig(" ", 10, null)).key());
        assertEquals("splice.l1_penalty: must be a finite number > 0, found -0.1",
                assertThrows(InvalidArgumentException.class, () -> new SpliceConfig(-0.1, null)).getMessage());
        assertEquals("splice.tolerance", assertThrows(InvalidArgumentException.class, () -> new SpliceConfig(0.2, 0.0)).key());
    }

    @Test
    void yamlErrorsCarryTheConfigException() {
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> YAML.readValue("size: -5\n", ConceptsConfig.class));
        assertTrue(e.getCause() instanceof InvalidArgumentException, String.valueOf(e.getCause()));
    }
}
