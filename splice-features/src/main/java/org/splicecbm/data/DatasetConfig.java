package org.splicecbm.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * The {@code dataset:} section of a run config (YAML snake_case keys bind to these camelCase
 * components). Invalid combinations are rejected here, so a constructed config always makes sense
 * for its {@link Kind}; {@code org.splicecbm.data.Datasets#open} turns it into an image dataset.
 *
 * @param kind           which reader: {@code cifar10|cifar100|imagefolder|csv|waterbirds|celeba}
 * @param root           the dataset folder (the loader expands {@code ~} and resolves relative paths)
 * @param manifest       csv only: the manifest file ({@code path,label[,split][,group...]}); relative resolves against root
 * @param download       cifar only: fetch and extract the official archive when absent (default false)
 * @param val            derive the validation split from train (omit to use the dataset's own val split)
 * @param test           derive the test split from train (for datasets without one, e.g. a plain image folder)
 * @param limit          per-split caps on the number of samples (a seeded, class-stratified subset)
 * @param onBadImage     what the feature pipeline does with an undecodable image (default fail)
 * @param classes        csv: the class list in label order; other kinds: keep only these classes, relabelled 0..k-1 in this order
 * @param attribute      celeba only (required): the attribute used as the binary label, e.g. {@code Eyeglasses}
 * @param groupAttribute celeba only: an attribute exposed as a group for group metrics, e.g. {@code Male}
 * @param labelLevel     cifar100 only: {@code fine} (default, 100 classes) or {@code coarse} (20 superclasses)
 * @param url            cifar only: base URL of the archives (default {@code $CIFAR_URL}, else the Toronto site)
 * @param minClassSamples csv with inferred classes: fewest rows a class may have, and every class needs train rows
 *                       (default {@value #DEFAULT_MIN_CLASS_SAMPLES}; 0 accepts any), so a label typo is not a new class
 */
public record DatasetConfig(Kind kind, Path root, Path manifest, Boolean download, DerivedSplit val,
                            DerivedSplit test, SplitLimits limit, OnBadImage onBadImage, List<String> classes,
                            String attribute, String groupAttribute, LabelLevel labelLevel, String url,
                            Integer minClassSamples) {
    public static final int DEFAULT_MIN_CLASS_SAMPLES = 2;

    public DatasetConfig {
        minClassSamples = minClassSamples == null ? DEFAULT_MIN_CLASS_SAMPLES : minClassSamples;
        InvalidArgumentException.require(minClassSamples >= 0, "dataset.min_class_samples", "be >= 0", minClassSamples);
        InvalidArgumentException.require(kind != null, "dataset.kind", "be one of " + Kind.keys(), null);
        InvalidArgumentException.require(root != null, "dataset.root", "be the dataset folder", null);
        download = download != null && download;
        onBadImage = onBadImage == null ? OnBadImage.FAIL : onBadImage;
        classes = classes == null ? List.of() : List.copyOf(classes);
        requireDistinct(classes);
        checkDerived("dataset.val", val);
        checkDerived("dataset.test", test);
        limit = limit == null ? SplitLimits.NONE : limit;
        boolean cifar = kind == Kind.CIFAR10 || kind == Kind.CIFAR100;
        onlyFor(manifest != null, kind == Kind.CSV, "dataset.manifest", "csv", manifest);
        InvalidArgumentException.require(kind != Kind.CSV || manifest != null, "dataset.manifest",
                "name the CSV manifest (header path,label[,split][,group...]) for kind csv", null);
        onlyFor(download, cifar, "dataset.download", "cifar10 and cifar100", true);
        onlyFor(url != null, cifar, "dataset.url", "cifar10 and cifar100", url);
        onlyFor(labelLevel != null, kind == Kind.CIFAR100, "dataset.label_level", "cifar100", labelLevel);
        labelLevel = labelLevel == null && kind == Kind.CIFAR100 ? LabelLevel.FINE : labelLevel;
        onlyFor(attribute != null, kind == Kind.CELEBA, "dataset.attribute", "celeba", attribute);
        onlyFor(groupAttribute != null, kind == Kind.CELEBA, "dataset.group_attribute", "celeba", groupAttribute);
        InvalidArgumentException.require(kind != Kind.CELEBA || (attribute != null && !attribute.isBlank()),
                "dataset.attribute", "name the CelebA attribute used as label (e.g. Eyeglasses) for kind celeba", attribute);
    }

    /** The value of a key that only some kinds accept must be absent for the others. */
    private static void onlyFor(boolean present, boolean allowed, String key, String kinds, Object value) {
        InvalidArgumentException.require(!present || allowed, key, "only be set for kind " + kinds + " (remove it)", value);
    }

    private static void checkDerived(String key, DerivedSplit split) {
        if (split != null) {
            InvalidArgumentException.require("train".equals(split.from()), key + ".from",
                    "be train (splits are carved out of the training split)", split.from());
            InvalidArgumentException.require(split.fraction() > 0 && split.fraction() < 1, key + ".fraction",
                    "be in (0, 1)", split.fraction());
        }
    }

    private static void requireDistinct(List<String> classes) {
        InvalidArgumentException.require(new HashSet<>(classes).size() == classes.size(), "dataset.classes",
                "list each class once", classes);
    }

    /** Dataset readers. */
    public enum Kind {
        CIFAR10, CIFAR100, IMAGEFOLDER, CSV, WATERBIRDS, CELEBA;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind parse(String text) {
            return parseEnum(Kind.class, values(), text, "dataset.kind");
        }

        static List<String> keys() {
            return Arrays.stream(values()).map(Kind::key).toList();
        }
    }

    /** What to do with an image that cannot be decoded. */
    public enum OnBadImage {
        FAIL, SKIP;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static OnBadImage parse(String text) {
            return parseEnum(OnBadImage.class, values(), text, "dataset.on_bad_image");
        }
    }

    /** CIFAR-100 label granularity. */
    public enum LabelLevel {
        FINE, COARSE;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static LabelLevel parse(String text) {
            return parseEnum(LabelLevel.class, values(), text, "dataset.label_level");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, E[] values, String text, String key) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return e;
            }
        }
        throw InvalidArgumentException.invalid(key, "be one of "
                + Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList(), text);
    }
}
