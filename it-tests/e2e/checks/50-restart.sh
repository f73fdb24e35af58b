# destroy (-D: profile unloaded, .files removed) and a second start, which libvirt sends as -r.
section destroy and start again
timed destroy $V destroy tiny; check destroy [ $? = 0 ]
check unloaded not_loaded
check files-removed test ! -e "$FILES"
timed start-again $V start tiny; check start-again [ $? = 0 ]
check loaded-again loaded
check confined-again confined
