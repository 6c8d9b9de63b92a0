# bash completion for medins (installed as share/bash-completion/completions/medins).
#
# Commands and subcommands; each command's options as its own --help lists them; the words of
# --kind, --level and the other enumerations; policy ids (as `medins policy coverage` lists
# them) and *.yaml files for --policy and for the policy subcommands; files and folders where a
# path is asked for.

_medins_words() {
    case $1 in
        --kind) echo "outpatient pooling special_disease inpatient pharmacy" ;;
        --level) echo "primary l1 l2 l3 pharmacy" ;;
        --scheme) echo "employee resident" ;;
        --category) echo "in_service retired adult student_child" ;;
        --tier) echo "low middle high" ;;
        --employer-type) echo "enterprise civil_service difficulty individual_business" ;;
        --delivery) echo "natural assisted caesarean caesarean_complex" ;;
        --disease) echo "diabetes dialysis haemophilia hemiplegia pulmonary_heart" ;;
        --groups) echo "dibao marginal tekun disabled low_income_elderly single_parent bereaved_parent" \
                       "five_guarantee three_without entitled" ;;
    esac
}

# The ids of the policies the command would use (the shipped ones, or those of --policies DIR).
_medins_ids() {
    local prog=$1 dir=$2
    "$prog" policy coverage ${dir:+--policies "$dir"} 2>/dev/null |
        sed -n 's/^\([^ :]*\): [0-9]* values, .*/\1/p'
}

_medins() {
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=
    local cmd=${COMP_WORDS[1]} sub= dir= i
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "settle refund batch contribution account maternity capitation policy --help --version" -- "$cur"))
        return
    fi
    for ((i = 2; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --policies) dir=${COMP_WORDS[i + 1]} ;;
            check|show|diff|coverage) [ "$cmd" = policy ] && [ -z "$sub" ] && sub=${COMP_WORDS[i]} ;;
        esac
    done
    local words
    words=$(_medins_words "$prev")
    if [ -n "$words" ]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    case $prev in
        --policy)
            COMPREPLY=($(compgen -W "$(_medins_ids "$prog" "$dir")" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
            return ;;
        --policies) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -i|--input|--ledger|--save-ledger|--ledgers|--save-ledgers|-o|--output|--enrolments|--record)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --date|--total|--self-paid|--category-b|--wage|--pension|--year-costs|--prenatal|--complication|\
        --actual-costs|--assessment|--weeks|--child-order|--institution|--id|--days|--birth-date|\
        --family-doctor|\
        --from|--to|--enrolment|--region|--max-errors)
            return ;;
    esac
    if [ "$cmd" = policy ] && [ -z "$sub" ] && [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "check show diff coverage" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$("$prog" "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
        return
    fi
    case $cmd:$sub in
        policy:check) COMPREPLY=($(compgen -f -- "$cur")) ;;
        policy:diff|policy:coverage)
            COMPREPLY=($(compgen -W "$(_medins_ids "$prog" "$dir")" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur")) ;;
        policy:show)
            [ "$COMP_CWORD" -gt 0 ] && [ "$prev" = show ] &&
                COMPREPLY=($(compgen -W "$("$prog" policy coverage --json ${dir:+--policies "$dir"} 2>/dev/null |
                                          sed -n 's/^ *"region": "\(.*\)",*$/\1/p' | sort -u)" -- "$cur")) ;;
        batch:|refund:) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}

complete -F _medins medins
