package org.splicecbm.concepts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Splits a vocabulary file into concepts, collecting every problem with its 1-based line number before failing. */
final class VocabularyParser {
    private static final int MAX_LISTED = 20;

    private final String fileName;
    private final VocabularyRules rules;
    private final List<Integer> malformed = new ArrayList<>();
    private final List<Integer> blank = new ArrayList<>();
    private final List<Integer> control = new ArrayList<>();
    private final Map<Integer, Integer> duplicateOf = new LinkedHashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final List<String> concepts = new ArrayList<>();
    private final List<Integer> conceptLines = new ArrayList<>();
    private int physicalLines;

    VocabularyParser(String fileName, VocabularyRules rules) {
        this.fileName = fileName;
        this.rules = rules;
    }

    /** The concepts in file order; throws {@link VocabularyException} listing all problems. */
    List<String> parse(byte[] content) {
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            int stop = end < 0 ? content.length : end;
            lineNumber++;
            accept(lineNumber, decode(content, start, stop, lineNumber));
            start = stop + 1;
        }
        physicalLines = lineNumber;
        failOnProblems();
        return dropEarlierDuplicates();
    }

    int physicalLines() {
        return physicalLines;
    }

    private void accept(int lineNumber, String raw) {
        if (raw == null) {
            return;
        }
        String concept = (lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
        if (concept.isEmpty()) {
            blank.add(lineNumber);
            return;
        }
        if (concept.chars().anyMatch(Character::isISOControl)) {
            control.add(lineNumber);
            return;
        }
        Integer previous = firstLine.putIfAbsent(concept, lineNumber);
        if (previous != null) {
            duplicateOf.put(lineNumber, previous);
        }
        concepts.add(concept);
        conceptLines.add(lineNumber);
    }

    private String decode(byte[] content, int start, int stop, int lineNumber) {
        if (stop > start && content[stop - 1] == '\r') {
            stop--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, stop - start)).toString();
        } catch (CharacterCodingException e) {
            malformed.add(lineNumber);
            return null;
        }
    }

    private void failOnProblems() {
        List<String> problems = new ArrayList<>();
        if (!malformed.isEmpty()) {
            problems.add("malformed UTF-8 on " + lines(malformed) + " (save the file as UTF-8)");
        }
        if (!control.isEmpty()) {
            problems.add("control characters (tab, carriage return, ...) inside the concept on " + lines(control)
                    + " (a concept is plain text on one line)");
        }
        if (!blank.isEmpty() && !rules.skipBlankLines()) {
            problems.add("blank " + lines(blank) + " (delete them: every line must hold one concept)");
        }
        if (!duplicateOf.isEmpty() && !rules.keepLastDuplicate()) {
            problems.add("repeated concepts: " + duplicates() + " (keep one copy of each, at its most frequent position:"
                    + " files run from least to most frequent)");
        }
        if (!problems.isEmpty()) {
            throw new VocabularyException("vocabulary " + fileName + " cannot be used: " + String.join("; ", problems));
        }
    }

    private List<String> dropEarlierDuplicates() {
        if (duplicateOf.isEmpty()) {
            return List.copyOf(concepts);
        }
        Map<String, Integer> lastLine = new HashMap<>();
        for (int i = 0; i < concepts.size(); i++) {
            lastLine.put(concepts.get(i), conceptLines.get(i));
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            if (lastLine.get(concepts.get(i)).equals(conceptLines.get(i))) {
                kept.add(concepts.get(i));
            }
        }
        return List.copyOf(kept);
    }

    private String duplicates() {
        String listed = duplicateOf.entrySet().stream().limit(MAX_LISTED)
                .map(e -> "line " + e.getKey() + " repeats line " + e.getValue() + " \"" + concepts.get(conceptIndex(e.getKey())) + "\"")
                .collect(Collectors.joining(", "));
        return listed + more(duplicateOf.size());
    }

    private int conceptIndex(int lineNumber) {
        return conceptLines.indexOf(lineNumber);
    }

    private static String lines(List<Integer> numbers) {
        String listed = numbers.stream().limit(MAX_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return (numbers.size() == 1 ? "line " : "lines ") + listed + more(numbers.size());
    }

    private static String more(int count) {
        return count > MAX_LISTED ? " and " + (count - MAX_LISTED) + " more" : "";
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
