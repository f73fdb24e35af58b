# issue 13 items 2-3 (operator.sh): complain mode that survives restarts, denials explained; starts tiny for it and
# leaves it shut off, as 60-admin did.
timed start-operator $V start tiny; check start-operator [ $? = 0 ]
. "$IN/checks/operator.sh"
$V destroy tiny > /dev/null
