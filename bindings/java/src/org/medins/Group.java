package org.medins;

import java.util.EnumSet;
import java.util.Set;
import org.medins.swig.group;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Special groups a person may belong to (bit flags in C). */
public enum Group {
    DIBAO(group.GROUP_DIBAO),
    MARGINAL(group.GROUP_MARGINAL),
    TEKUN(group.GROUP_TEKUN),
    DISABLED(group.GROUP_DISABLED),
    LOW_INCOME_ELDERLY(group.GROUP_LOW_INCOME_ELDERLY),
    SINGLE_PARENT(group.GROUP_SINGLE_PARENT),
    BEREAVED_PARENT(group.GROUP_BEREAVED_PARENT),
    FIVE_GUARANTEE(group.GROUP_FIVE_GUARANTEE),
    THREE_WITHOUT(group.GROUP_THREE_WITHOUT),
    ENTITLED(group.GROUP_ENTITLED);

    private final int flag;

    Group(int flag) {
        this.flag = flag;
    }

    /** The C flag bit. */
    public int flag() {
        return flag;
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.group_name(flag);
    }

    /**
     * The group a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Group fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_GROUP, Group::flag, "group");
    }

    /** The C bit mask of a set of groups. */
    public static int toFlags(Set<Group> groups) {
        int flags = 0;
        for (Group g : java.util.Objects.requireNonNull(groups, "groups")) {
            flags |= java.util.Objects.requireNonNull(g, "groups contains null").flag;
        }
        return flags;
    }

    /** The groups of a C bit mask. @throws IllegalArgumentException for an unknown bit */
    public static EnumSet<Group> fromFlags(int flags) {
        EnumSet<Group> set = EnumSet.noneOf(Group.class);
        int rest = flags;
        for (Group g : values()) {
            if ((flags & g.flag) != 0) {
                set.add(g);
                rest &= ~g.flag;
            }
        }
        if (rest != 0) {
            throw new IllegalArgumentException("unknown group bits 0x" + Integer.toHexString(rest));
        }
        return set;
    }
}
