package dev.guestbench.asm.ide.lsp;

import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

import dev.guestbench.asm.ide.AsmIdeSetup;

/**
 * Xtext's language server, serving the assembly language. The language is registered directly rather than
 * found through {@code META-INF/services}, so the server runs the same from the product's jars and from a
 * test's class path.
 */
public final class AsmServerModule extends AbstractModule {

    /** Xtext's server module with our language's registry. */
    public static Module create() {
        return Modules2.mixin(new ServerModule(), new AsmServerModule());
    }

    @Override
    protected void configure() {
        bind(IResourceServiceProvider.Registry.class).toProvider(AsmServerModule::registry);
    }

    private static synchronized IResourceServiceProvider.Registry registry() {
        IResourceServiceProvider.Registry registry = IResourceServiceProvider.Registry.INSTANCE;
        if (!registry.getExtensionToFactoryMap().containsKey("S")) {
            new AsmIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return registry;
    }
}
