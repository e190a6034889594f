package org.redress.audit;

/**
 * A history entry with its place among entries of the same instant (the engine runs many steps in
 * one command, all stamped with that command's time). Engine keys grow as the engine works, so: an
 * element's activation and each user task event sit at their own key; a task-less element's end
 * right after its activation's key; a user task element's end after its task's last event; the end
 * of a process or call activity after the largest key inside it, deeper scopes first.
 */
record TimelineEntry(HistoryEntry entry, int rank, long major, long minor) {}
