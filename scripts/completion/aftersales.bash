# bash completion for aftersales (installed as
# /usr/share/bash-completion/completions/aftersales). The candidates come from the binary
# itself, `aftersales __complete -- WORD...`: commands, options, and the ledger's own ticket
# numbers, serials, customer and model codes, part numbers and ticket states. When it knows
# none, bash offers file names.
_aftersales() {
  local IFS=$'\n'
  local words=("${COMP_WORDS[@]:1:COMP_CWORD}")
  COMPREPLY=($("${COMP_WORDS[0]}" __complete -- "${words[@]}" 2>/dev/null))
  if [ ${#COMPREPLY[@]} -eq 0 ]; then
    compopt -o default 2>/dev/null
  fi
}
complete -F _aftersales aftersales
