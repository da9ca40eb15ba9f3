package dev.guestbench.asm;


/**
 * Initialization support for running Xtext languages without Equinox extension registry.
 */
public class AsmStandaloneSetup extends AsmStandaloneSetupGenerated {

	public static void doSetup() {
		new AsmStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
