package dev.guestbench.asm.ide.lsp;

import org.eclipse.xtext.ide.server.ServerLauncher;

/**
 * {@code guestbench lsp}: the assembly language over the Language Server Protocol on stdin/stdout, for any
 * LSP client (VS Code, Neovim, Emacs). Options: {@code -log} writes a log to the working directory,
 * {@code -trace} adds the protocol to that log.
 */
public final class AsmLanguageServerMain {

    private AsmLanguageServerMain() {
    }

    public static void main(String[] args) {
        ServerLauncher.launch(AsmLanguageServerMain.class.getName(), args, AsmServerModule.create());
    }
}
