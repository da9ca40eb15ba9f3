package dev.guestbench.asm.ide.analysis;

import java.util.List;

/** What the language services found in one version of a document: its problems and its highlighting. */
public record Analysis(List<Problem> problems, List<Highlight> highlights) {

    public Analysis {
        problems = List.copyOf(problems);
        highlights = List.copyOf(highlights);
    }

    /** Whether any problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
}
