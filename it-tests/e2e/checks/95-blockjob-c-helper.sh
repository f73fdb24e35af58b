# the same block jobs and dir disk under libvirt's C helper (90-remove gave it back): they must fail, which is what
# proves the guestarmor run above is the difference.
section block jobs under the C helper
blockjob_checks c-helper
dirdisk_checks c-helper
