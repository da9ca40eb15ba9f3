package dev.guestbench.debug.ui.tests.bench;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import dev.guestbench.debug.ui.views.DisassemblyView;
import dev.guestbench.debug.ui.views.PageTablesView;
import dev.guestbench.debug.ui.views.TrapHistoryView;
import dev.guestbench.debug.ui.views.VmmView;

/** The UI benchmark's layout: every debugger view in a stack of its own, so that all are visible at once. */
public final class BenchPerspective implements IPerspectiveFactory {

    /** The perspective's id (see plugin.xml). */
    public static final String ID = "dev.guestbench.debug.ui.tests.bench";

    /** The views the benchmark shows, in the order they are laid out. */
    public static final String[] VIEWS = {IDebugUIConstants.ID_DEBUG_VIEW, IDebugUIConstants.ID_REGISTER_VIEW,
        IDebugUIConstants.ID_VARIABLE_VIEW, VmmView.ID, PageTablesView.ID, IDebugUIConstants.ID_BREAKPOINT_VIEW,
        TrapHistoryView.ID, DisassemblyView.ID, IDebugUIConstants.ID_MEMORY_VIEW};

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editor = layout.getEditorArea();
        // Three columns of three: left of the editor, right of it, and below it.
        folder(layout, "left", IPageLayout.LEFT, 0.3f, editor, VIEWS[0]);
        folder(layout, "left2", IPageLayout.BOTTOM, 0.33f, "left", VIEWS[1]);
        folder(layout, "left3", IPageLayout.BOTTOM, 0.5f, "left2", VIEWS[2]);
        folder(layout, "right", IPageLayout.RIGHT, 0.5f, editor, VIEWS[3]);
        folder(layout, "right2", IPageLayout.BOTTOM, 0.33f, "right", VIEWS[4]);
        folder(layout, "right3", IPageLayout.BOTTOM, 0.5f, "right2", VIEWS[5]);
        folder(layout, "bottom", IPageLayout.BOTTOM, 0.33f, editor, VIEWS[6]);
        folder(layout, "bottom2", IPageLayout.BOTTOM, 0.5f, "bottom", VIEWS[7]);
        folder(layout, "bottom3", IPageLayout.BOTTOM, 0.5f, "bottom2", VIEWS[8]);
    }

    private static void folder(IPageLayout layout, String id, int relationship, float ratio, String ref, String view) {
        IFolderLayout f = layout.createFolder(id, relationship, ratio, ref);
        f.addView(view);
    }
}
