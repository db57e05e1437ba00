from hscb_desktop.launcher import main

raise SystemExit(main())
