package dev.guestbench.debug.core.model;

import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

import dev.guestbench.debug.core.GuestDebug;

/** The base of the guest debug model's elements: they belong to a {@link GuestDebugTarget}. */
public abstract class GuestDebugElement extends DebugElement {

    protected GuestDebugElement(IDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return GuestDebug.MODEL_ID;
    }

    /** The VM's debug target. */
    public GuestDebugTarget guestTarget() {
        return (GuestDebugTarget) getDebugTarget();
    }
}
