package dev.guestbench.debug.core.source;

import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupDirector;
import org.eclipse.debug.core.sourcelookup.ISourceLookupParticipant;

/** Finds the assembly source of a guest stack frame. */
public final class GuestSourceLookupDirector extends AbstractSourceLookupDirector {

    /** The id this director is registered under. */
    public static final String ID = "dev.guestbench.debug.sourceLocator";

    @Override
    public void initializeParticipants() {
        addParticipants(new ISourceLookupParticipant[] {new GuestSourceLookupParticipant()});
    }
}
