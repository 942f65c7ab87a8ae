# clerk.bash - bash completion for clerk: subcommands, options, format names
# and rule names. Options and rule names are asked from clerk itself, so
# they always match the installed program.

_clerk() {
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	}
	local clerk=${words[0]}
	local formats="text pretty json sarif junit github gitlab"

	if [ "$cword" -eq 1 ]; then
		COMPREPLY=($(compgen -W "check list graph index rules version help --help --version" -- "$cur"))
		return
	fi
	case ${words[1]} in
	check)
		case $prev in
		--format) COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
		--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
		--config | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--as-of | --max-warnings) return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$("$clerk" check --help 2>/dev/null |
				sed -n 's/^  \(--[a-z-]*\).*/\1/p')" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		;;
	list | graph | index)
		case $prev in
		--format)
			case ${words[1]} in
			list) COMPREPLY=($(compgen -W "table csv json" -- "$cur")) ;;
			graph) COMPREPLY=($(compgen -W "dot mermaid" -- "$cur")) ;;
			esac
			return
			;;
		--config | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--type | --status) return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$("$clerk" "${words[1]}" --help 2>/dev/null |
				sed -n 's/^  \(--[a-z-]*\).*/\1/p')" -- "$cur"))
		elif [ "${words[1]}" != graph ]; then
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		;;
	rules)
		[ "$cword" -eq 2 ] &&
			COMPREPLY=($(compgen -W "--help $("$clerk" rules 2>/dev/null | awk '{print $1}')" -- "$cur"))
		;;
	help)
		[ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "check list graph index rules version" -- "$cur"))
		;;
	version) [ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
	esac
}
complete -F _clerk clerk
