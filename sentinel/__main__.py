from sentinel.main import main

raise SystemExit(main())
