package dev.guestbench.asm.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.xtext.ide.editor.folding.FoldingRange;

/** Keeps the editor's folding annotations equal to the ide services' folding ranges. */
final class FoldingUpdater {

    private Annotation[] current = new Annotation[0];
    private List<FoldingRange> shown = List.of();

    /** Replaces the folding annotations (on the UI thread). */
    void update(ProjectionAnnotationModel model, List<FoldingRange> ranges) {
        if (model == null || ranges.equals(shown)) {
            return; // unchanged: leave the user's folded regions folded
        }
        shown = List.copyOf(ranges);
        Map<Annotation, Position> added = new HashMap<>();
        for (FoldingRange r : ranges) {
            added.put(new ProjectionAnnotation(), new Position(r.getOffset(), r.getLength()));
        }
        model.modifyAnnotations(current, added, null);
        current = added.keySet().toArray(Annotation[]::new);
    }

    /** How many regions fold now. */
    int count() {
        return current.length;
    }
}
