package dev.guestbench.asm;


/**
 * Use this class to register components to be used at runtime / without the Equinox extension registry.
 */
public class AsmRuntimeModule extends AbstractAsmRuntimeModule {
}
