package org.splicecbm.zeroshot;

import java.util.List;
import org.splicecbm.backbone.ClipBackbone;

/**
 * CLIP's zero-shot class prompts (Radford et al., 2021), as SpLiCE's zero-shot study uses them
 * (Bhalla et al., NeurIPS 2024, Sec. 5.1: "A photo of a {}" through the plain CLIP text tower): one
 * prompt per class, the class name with underscores read as spaces.
 *
 * @param template   the prompt with exactly one {@code {}} where the class name goes
 * @param classNames class names in label order
 */
public record ClassPrompts(String template, List<String> classNames) {
    /** The template of SpLiCE's zero-shot script ({@code zero_shot.py}: {@code "A photo of a {}".format(name)}, no full stop). */
    public static final String DEFAULT_TEMPLATE = "A photo of a {}";
    private static final String SLOT = "{}";

    public ClassPrompts {
        if (template == null || template.indexOf(SLOT) < 0 || template.indexOf(SLOT) != template.lastIndexOf(SLOT)) {
            throw new IllegalArgumentException("the prompt template must contain '{}' exactly once (where the class name goes),"
                    + " e.g. \"" + DEFAULT_TEMPLATE + "\"; found \"" + template + "\"");
        }
        if (classNames == null || classNames.size() < 2) {
            throw new IllegalArgumentException("zero-shot classification needs at least 2 class names, found "
                    + (classNames == null ? "none" : classNames));
        }
        for (int i = 0; i < classNames.size(); i++) {
            if (classNames.get(i) == null || classNames.get(i).isBlank()) {
                throw new IllegalArgumentException("class name " + i + " is blank; every class needs a name for its prompt");
            }
        }
        classNames = List.copyOf(classNames);
    }

    /** The prompt texts in label order, e.g. {@code "A photo of a pickup truck"} for class {@code pickup_truck}. */
    public List<String> texts() {
        return classNames.stream().map(name -> template.replace(SLOT, name.replace('_', ' ').strip())).toList();
    }

    /**
     * Embeds the prompts with {@code backbone}'s text tower into a classifier over the classes; a prompt
     * the tokenizer cannot encode is named in the error.
     */
    public ZeroShotClassifier embed(ClipBackbone backbone) {
        List<String> texts = texts();
        try {
            return new ZeroShotClassifier(backbone.embedTexts(texts));
        } catch (RuntimeException e) {
            for (int i = 0; i < texts.size(); i++) {
                try {
                    backbone.embedTexts(List.of(texts.get(i)));
                } catch (RuntimeException single) {
                    throw new IllegalArgumentException("the prompt of class " + i + " (\"" + texts.get(i) + "\") cannot be"
                            + " embedded by " + backbone.name() + ": " + single.getMessage()
                            + "; change --template or the class name", single);
                }
            }
            throw e;
        }
    }
}
