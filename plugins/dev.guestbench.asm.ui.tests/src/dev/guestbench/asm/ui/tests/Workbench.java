package dev.guestbench.asm.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** What the UI tests (of the editor and the debugger) need from the running workbench: its page, waiting on the UI thread, screenshots. */
public final class Workbench {

    private Workbench() {
    }

    public static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    public static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /**
     * Runs the UI event loop until {@code condition} holds; fails with {@code what} after {@code timeout}
     * (a loose bound for slow CI machines, not a speed test).
     */
    public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            // A timer wakes the loop, so a quiet display cannot park it in sleep().
            display.timerExec(20, () -> {
            });
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /** Lets pending UI work (layout, painting) finish. */
    public static void settle() {
        Display display = Display.getCurrent();
        long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < until) {
            display.timerExec(20, () -> {
            });
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /** Saves a PNG of the workbench window under the directory the build names (target/screenshots). */
    public static Path screenshot(String name) throws IOException {
        Shell shell = shell();
        settle();
        Display display = shell.getDisplay();
        // Down to the bottom of the client area: without a window manager (Xvfb) the trim below it
        // is never painted; the menu bar above it is part of the picture.
        Rectangle bounds = shell.getBounds();
        Rectangle area = shell.getClientArea();
        Point bottom = shell.toDisplay(area.x, area.y + area.height);
        Image image = new Image(display, bounds.width, Math.min(bounds.height, bottom.y - bounds.y));
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("guestbench.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
