package dev.guestbench.asm.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

import dev.guestbench.asm.ide.lsp.AsmServerModule;

/**
 * The language server as a client sees it: JSON-RPC over a pair of pipes to the same server `guestbench lsp`
 * runs; initialize, open a document, get its diagnostics, complete and hover.
 */
class LanguageServerTest {

    private static final long TIMEOUT_S = 60;

    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aClientGetsDiagnosticsCompletionAndHover(@TempDir Path workspace) throws Exception {
        Path file = workspace.resolve("kernel.S");
        String text = "_start:\n    adi a0, a0, 1\n    csrr t0, mstatus\n    j _start\n";
        Files.writeString(file, text);
        LanguageServer server = connect();

        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(workspace.toUri().toString(), "ws")));
        init.setRootUri(workspace.toUri().toString());
        init.setCapabilities(new ClientCapabilities());
        InitializeResult result = server.initialize(init).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertTrue(result.getCapabilities().getCompletionProvider() != null, "the server completes");
        assertTrue(result.getCapabilities().getHoverProvider() != null, "the server hovers");
        server.initialized(new InitializedParams());

        String uri = file.toUri().toString();
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "riscv-asm", 1, text)));
        PublishDiagnosticsParams published = diagnosticsOf(uri);
        assertEquals(1, published.getDiagnostics().size(), published.toString());
        assertTrue(published.getDiagnostics().get(0).getMessage().getLeft().startsWith("unknown instruction 'adi'"));
        assertEquals(1, published.getDiagnostics().get(0).getRange().getStart().getLine());
        assertEquals(4, published.getDiagnostics().get(0).getRange().getStart().getCharacter());

        CompletionParams completion = new CompletionParams(new TextDocumentIdentifier(uri), new Position(2, 18));
        Either<List<CompletionItem>, CompletionList> items = server.getTextDocumentService().completion(completion)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        List<String> labels = (items.isLeft() ? items.getLeft() : items.getRight().getItems()).stream()
                .map(CompletionItem::getLabel).toList();
        assertTrue(labels.contains("mstatus (0x300)"), labels.toString());

        Hover hover = server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(2, 16)))
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        String markdown = hover.getContents().getRight().getValue();
        assertTrue(markdown.contains("mstatus") && markdown.contains("0x300"), markdown);

        server.shutdown().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private PublishDiagnosticsParams diagnosticsOf(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(1, TimeUnit.SECONDS);
            // The initial build publishes the file from disk; the open document's version follows.
            if (p != null && p.getUri().equals(uri) && !p.getDiagnostics().isEmpty()) {
                return p;
            }
        }
        throw new AssertionError("no diagnostics for " + uri + " within " + TIMEOUT_S + " s");
    }

    /** Starts the server on one end of two pipes and a client on the other, as over stdin/stdout. */
    private LanguageServer connect() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);

        LanguageServerImpl server = Guice.createInjector(AsmServerModule.create()).getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut, threads,
                null);
        server.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();

        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut,
                threads, null);
        clientLauncher.startListening();
        return clientLauncher.getRemoteProxy();
    }

    /** The client side: records diagnostics, ignores the rest. */
    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }
}
