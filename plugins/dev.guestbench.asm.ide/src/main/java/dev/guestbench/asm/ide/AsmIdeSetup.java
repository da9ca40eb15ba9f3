package dev.guestbench.asm.ide;

import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;

import dev.guestbench.asm.AsmRuntimeModule;
import dev.guestbench.asm.AsmStandaloneSetup;

/** Creates the injector of the language with its ide services, outside the Eclipse UI (editor bridge, LSP). */
public class AsmIdeSetup extends AsmStandaloneSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(new AsmRuntimeModule(), new AsmIdeModule()));
    }
}
