package dev.guestbench.asm.validation;

import java.io.IOException;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.guestbench.asm.AsmStandaloneSetup;

/** Parses and validates assembly text in memory, for the plain tests. */
final class Sources {

    private static Injector injector;

    private Sources() {
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = new AsmStandaloneSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /** Loads each text as file{i}.S into one resource set (so they see each other's symbols). */
    static List<XtextResource> load(String... texts) {
        XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
        List<XtextResource> resources = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            XtextResource r = (XtextResource) set.createResource(URI.createURI("mem:/file" + i + ".S"));
            try {
                r.load(new LazyStringInputStream(texts[i], "UTF-8"), null);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            resources.add(r);
        }
        return resources;
    }

    static List<Issue> issues(XtextResource resource) {
        return injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
                CancelIndicator.NullImpl);
    }

    /** The messages of the problems in one file. */
    static List<String> messages(String text) {
        return issues(load(text).get(0)).stream().map(Issue::getMessage).toList();
    }
}
