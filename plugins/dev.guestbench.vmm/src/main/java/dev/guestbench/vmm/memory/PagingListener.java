package dev.guestbench.vmm.memory;

/** Hears of changes to guest mappings and their shadows (page-table breakpoints, the page-table view). */
public interface PagingListener {

    /** A mapping changed; called on the hart's thread, in the middle of the guest's store. */
    void mappingChanged(MappingEvent event);
}
