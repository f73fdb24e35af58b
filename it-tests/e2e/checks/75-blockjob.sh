# issue 13 items 1 and 4a under guestarmor (blockjob.sh, dirdisk.sh): block commits succeed, a dir disk starts.
. "$IN/checks/blockjob.sh"; . "$IN/checks/dirdisk.sh"
section block jobs
blockjob_checks guestarmor
dirdisk_checks guestarmor
