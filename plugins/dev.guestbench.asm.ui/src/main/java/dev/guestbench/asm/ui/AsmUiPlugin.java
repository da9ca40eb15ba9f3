package dev.guestbench.asm.ui;

import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import com.google.inject.Injector;

import dev.guestbench.asm.ide.AsmIdeSetup;
import dev.guestbench.asm.ide.analysis.DocumentAnalyzer;
import dev.guestbench.asm.ide.editor.EditorSession;

/** The assembly editor's bundle: owns the language's injector, created once on first use. */
public class AsmUiPlugin extends AbstractUIPlugin {

    /** Bundle symbolic name, also the namespace of our marker types. */
    public static final String ID = "dev.guestbench.asm.ui";

    private static AsmUiPlugin instance;
    private volatile Injector injector;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    /** The running plugin. */
    public static AsmUiPlugin getDefault() {
        return instance;
    }

    /** A document analyzer bound to the language's ide services. */
    public DocumentAnalyzer analyzer() {
        return injector().getInstance(DocumentAnalyzer.class);
    }

    /** A new session of the language's ide services (load it with a document). */
    public EditorSession session() {
        return injector().getInstance(EditorSession.class);
    }

    /** The language's injector (ide services included). */
    public Injector injector() {
        Injector result = injector;
        if (result == null) {
            synchronized (this) {
                result = injector;
                if (result == null) {
                    result = new AsmIdeSetup().createInjectorAndDoEMFRegistration();
                    injector = result;
                }
            }
        }
        return result;
    }
}
