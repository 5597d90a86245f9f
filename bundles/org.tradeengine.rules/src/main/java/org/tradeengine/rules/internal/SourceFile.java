// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One file read from the rules folder, with its name relative to that folder ({@code entry/imbalance.drl})
 * and the SHA-256 of its content.
 *
 * @param name name relative to the rules folder, always with {@code /}
 * @param content the bytes as read
 * @param sha256 hex SHA-256 of {@code content}
 */
record SourceFile(String name, byte[] content, String sha256) {

    /**
     * Wraps content read elsewhere.
     *
     * @param name relative name
     * @param content bytes
     * @return the file with its hash
     */
    static SourceFile of(String name, byte[] content) {
        return new SourceFile(name, content.clone(), sha256(content));
    }

    /** @return the content as UTF-8 text */
    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** @return the file name without its folder */
    String simpleName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * Reads the files of one folder of the rules folder, in name order. Editor leftovers (hidden files, backups
     * ending in {@code ~}) are not rule files. A missing folder has no files.
     *
     * @param rulesDir the rules folder
     * @param folder the sub-folder ({@code entry}, {@code scenarios})
     * @param suffix the file suffix ({@code .drl})
     * @return the files, sorted by name
     * @throws IOException if a folder or file cannot be read
     */
    static List<SourceFile> readFolder(Path rulesDir, String folder, String suffix) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (String name : listFolder(rulesDir, folder, suffix)) {
            try {
                files.add(of(name, Files.readAllBytes(rulesDir.resolve(name))));
            } catch (NoSuchFileException e) {
                // deleted between listing and reading (an editor's rename): it is not there
            }
        }
        return files;
    }

    /**
     * Lists the files of one folder of the rules folder, as {@link #readFolder} would read them.
     *
     * @param rulesDir the rules folder
     * @param folder the sub-folder
     * @param suffix the file suffix
     * @return names relative to the rules folder, sorted
     * @throws IOException if the folder cannot be listed
     */
    static List<String> listFolder(Path rulesDir, String folder, String suffix) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(rulesDir.resolve(folder))) {
            for (Path p : dir) {
                if (isCandidateName(p.getFileName().toString(), suffix) && Files.isRegularFile(p)) {
                    names.add(folder + "/" + p.getFileName());
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /**
     * Tells whether a file name is one of ours rather than an editor's temporary or lock file.
     *
     * @param fileName the name without folder
     * @param suffix the wanted suffix
     * @return true for e.g. {@code imbalance.drl}, false for {@code .imbalance.drl.swp} or {@code .#imbalance.drl}
     */
    static boolean isCandidateName(String fileName, String suffix) {
        return fileName.endsWith(suffix) && fileName.length() > suffix.length() && !fileName.startsWith(".")
                && !fileName.startsWith("#");
    }

    /**
     * Hashes a list of files as one: each name and content in order, so a rename changes the hash too.
     *
     * @param files the files in name order
     * @return hex SHA-256
     */
    static String combinedSha256(List<SourceFile> files) {
        MessageDigest md = digest();
        for (SourceFile f : files) {
            md.update(f.name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(f.content);
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile f && f.name.equals(name) && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + sha256.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + sha256.substring(0, 12) + ")";
    }
}
