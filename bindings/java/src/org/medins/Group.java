package org.medins;

import java.util.EnumSet;
import java.util.Set;
import org.medins.swig.group;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Special groups a person may belong to (bit flags in C). */
public enum Group {
    /** {@code dibao}: minimum-living-allowance recipient (低保) */
    DIBAO(group.GROUP_DIBAO),
    /** {@code marginal}: low-income marginal household (低保边缘) */
    MARGINAL(group.GROUP_MARGINAL),
    /** {@code tekun}: special hardship (特困) */
    TEKUN(group.GROUP_TEKUN),
    /** {@code disabled}: severely disabled (重度残疾) */
    DISABLED(group.GROUP_DISABLED),
    /** {@code low_income_elderly}: urban low-income elderly aged 60+ */
    LOW_INCOME_ELDERLY(group.GROUP_LOW_INCOME_ELDERLY),
    /** {@code single_parent}: single-parent family */
    SINGLE_PARENT(group.GROUP_SINGLE_PARENT),
    /** {@code bereaved_parent}: parents who lost their only child (失独) */
    BEREAVED_PARENT(group.GROUP_BEREAVED_PARENT),
    /** {@code five_guarantee}: rural five-guarantee household (五保) */
    FIVE_GUARANTEE(group.GROUP_FIVE_GUARANTEE),
    /** {@code three_without}: urban "three-without" person (三无) */
    THREE_WITHOUT(group.GROUP_THREE_WITHOUT),
    /** {@code entitled}: entitled groups (优抚对象) */
    ENTITLED(group.GROUP_ENTITLED);

    private final int flag;

    Group(int flag) {
        this.flag = flag;
    }

    /**
     * The C flag bit.
     *
     * @return the bit of the C enumerator (medins_group), one bit set
     */
    public int flag() {
        return flag;
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code dibao} for {@link #DIBAO}
     */
    public String word() {
        return medins.group_name(flag);
    }

    /**
     * The group a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the group the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Group fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_GROUP, Group::flag, "group");
    }

    /**
     * The groups a list of them names, as the library reads such lists everywhere
     * (medins_groups_parse): words separated by '+', ',' or '|' ("dibao+disabled").
     *
     * @param text the list; "" for no group
     * @return a new set of the groups named
     * @throws MedinsException MEDINS_ERR_TYPE for a word that is not a group, MEDINS_ERR_SYNTAX
     *     for an empty word or another separator
     * @throws NullPointerException when {@code text} is null
     */
    public static EnumSet<Group> parseList(String text) {
        java.util.Objects.requireNonNull(text, "text");
        return fromFlags((int) medins.groups_parse(text));
    }

    /**
     * The C bit mask of a set of groups.
     *
     * @param groups the groups, possibly none
     * @return their flags ORed together; 0 for no group
     */
    public static int toFlags(Set<Group> groups) {
        int flags = 0;
        for (Group g : java.util.Objects.requireNonNull(groups, "groups")) {
            flags |= java.util.Objects.requireNonNull(g, "groups contains null").flag;
        }
        return flags;
    }

    /**
     * The groups of a C bit mask.
     *
     * @param flags C flag bits ORed together
     * @return a new set holding the group of each bit
     * @throws IllegalArgumentException for an unknown bit
     */
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
