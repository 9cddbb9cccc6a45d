package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SolveHelpTest {
    @Test
    void helpStatesTheObjectiveItsScalingAndTheScikitLearnEquivalent() {
        String help = new CommandLine(new SpliceCli()).getSubcommands().get("solve").getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(help.contains("min_{w >= 0} ||C^T w - z||_2^2 + l1 * ||w||_1"), help);
        assertTrue(help.contains("Lasso(alpha = l1 / (2 d), positive=True, fit_intercept=False)"), help);
        assertTrue(help.contains("divided by 2d"), help);
    }
}
