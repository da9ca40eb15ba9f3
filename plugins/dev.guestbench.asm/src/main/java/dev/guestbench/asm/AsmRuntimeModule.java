package dev.guestbench.asm;

import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;

import dev.guestbench.asm.symbols.AsmResourceDescriptionStrategy;

/**
 * Use this class to register components to be used at runtime / without the Equinox extension registry.
 */
public class AsmRuntimeModule extends AbstractAsmRuntimeModule {

    /** Only labels and defined symbols go into the index, by their plain names. */
    public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
        return AsmResourceDescriptionStrategy.class;
    }
}
