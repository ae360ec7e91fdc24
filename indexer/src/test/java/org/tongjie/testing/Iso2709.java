package org.tongjie.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts an ISO 2709 file into its records, so tests can break one and put the file back together. */
public final class Iso2709 {
    private Iso2709() {}

    public static List<byte[]> splitRecords(byte[] file) {
        var out = new ArrayList<byte[]>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == 0x1D) {
                out.add(Arrays.copyOfRange(file, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }
}
