package org.redress.appeal;

/** An evidence file as uploaded: name, declared type and bytes. */
public record Attachment(String fileName, String contentType, byte[] content) {}
