"""Fixture for py-reduce-runs-code.

RULEID: __reduce__ returning exec, os.system, subprocess.Popen, eval in a list, __reduce_ex__
returning a getattr(__import__(...)) call.
OK: __reduce__ returning the class with its state, a copyreg reconstructor, a factory function;
a function named reduce returning exec-like values outside __reduce__.
"""
import copyreg
import os
import subprocess

PAYLOAD = "print('payload')"


class Hook:
    def __reduce__(self):
        # ruleid: py-reduce-runs-code
        return (exec, (PAYLOAD,))


class Cmd:
    def __reduce__(self):
        # ruleid: py-reduce-runs-code
        return os.system, ("id",)


class Spawn(object):
    def __reduce__(self):
        cmd = ["/bin/sh", "-c", "echo hi"]
        # ruleid: py-reduce-runs-code
        return (subprocess.Popen, (cmd,))


class Listy:
    def __reduce__(self):
        # ruleid: py-reduce-runs-code
        return [eval, ("1+1",)]


class Ex:
    def __reduce_ex__(self, protocol):
        # ruleid: py-reduce-runs-code
        return (getattr(__import__("os"), "system"), ("id",))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        # ok: py-reduce-runs-code
        return (Point, (self.x, self.y))


class Registry:
    def __reduce_ex__(self, protocol):
        # ok: py-reduce-runs-code
        return (copyreg.__newobj__, (type(self),), self.__dict__)


def _rebuild(state):
    return Registry()


class Lazy:
    def __reduce__(self):
        # ok: py-reduce-runs-code
        return _rebuild, (self.__dict__,)


def reduce_ops(op):
    # ok: py-reduce-runs-code
    return (exec, (op,))
