package dev.guestbench.asm.ide;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.inject.Injector;

import dev.guestbench.asm.ide.editor.EditorSession;

/** Editor sessions over in-memory files for the plain tests. */
final class Sessions {

    private static Injector injector;

    private Sessions() {
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = new AsmIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /** A session on {@code text} as mem:/main.S, with {@code others} as mem:/other0.S, ... */
    static EditorSession open(String text, String... others) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < others.length; i++) {
            files.put("mem:/other" + i + ".S", others[i]);
        }
        return injector().getInstance(EditorSession.class).load("mem:/main.S", text, files);
    }
}
