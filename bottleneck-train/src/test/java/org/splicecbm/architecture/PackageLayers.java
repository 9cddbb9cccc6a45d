package org.splicecbm.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The declared package order of both modules, lowest first, and the check that no main source imports a package
 * declared later. A package's layer is its first name under {@code org.splicecbm} ({@code backbone.weights} is
 * part of {@code backbone}); the flow of the paper's method reads top to bottom: backbone, concepts, decompose,
 * features, probe, sweep, tracking, report, cli, with support packages placed below their users.
 */
final class PackageLayers {
    /** The one declaration of the order. splice-features first, then bottleneck-train. */
    static final List<String> ORDER = List.of(
            // splice-features
            "validation", "progress", "store", "torch", "hub", "engine", "image",
            "backbone", "concepts", "decompose", "splice", "data", "features", "zeroshot", "config", "pipeline",
            // bottleneck-train
            "probe", "classify", "runconfig", "sweep", "tracking", "report", "analysis", "workflow", "cli");

    private static final Pattern PACKAGE = Pattern.compile("^package (org\\.splicecbm[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.splicecbm\\.[\\w.]+);", Pattern.MULTILINE);

    private PackageLayers() {}

    /** The layer of {@code org.splicecbm.<layer>[.sub...][.Type]}; the name itself when it is not declared. */
    static String layerOf(String qualifiedName) {
        String rest = qualifiedName.substring("org.splicecbm.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * Why {@code fromPackage} may not import {@code imported}, or null when it may: the imported layer must be
     * the same or declared earlier, and both must be declared.
     */
    static String violation(String fromPackage, String imported) {
        String from = layerOf(fromPackage);
        String to = layerOf(imported);
        if (!ORDER.contains(from)) {
            return fromPackage + " is in no declared layer; add '" + from + "' to PackageLayers.ORDER";
        }
        if (!ORDER.contains(to)) {
            return fromPackage + " imports " + imported + ", in no declared layer; add '" + to + "' to PackageLayers.ORDER";
        }
        return ORDER.indexOf(to) > ORDER.indexOf(from)
                ? fromPackage + " imports " + imported + ": '" + to + "' comes after '" + from + "' in the flow" : null;
    }

    /** Every violation in the {@code .java} files under the source roots, as {@code File.java: reason}. */
    static List<String> violations(List<Path> sourceRoots) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Path, String> source : sources(sourceRoots).entrySet()) {
            String text = source.getValue();
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            Matcher imp = IMPORT.matcher(text);
            while (imp.find()) {
                String why = violation(pkg.group(1), imp.group(1));
                if (why != null) {
                    out.add(source.getKey().getFileName() + ": " + why);
                }
            }
        }
        return out;
    }

    /** The text of every {@code .java} file under the roots, by path. */
    static Map<Path, String> sources(List<Path> sourceRoots) {
        Map<Path, String> out = new TreeMap<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    out.put(f, Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
