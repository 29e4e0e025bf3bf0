"""Kiosk behaviour that keeps an unattended kiosk safe: idle reset, admin PIN, one instance.

Import the submodules directly (`kiosk.session.pin`, `.idle`, `.single_instance`): this package
imports nothing, so the PIN and lock code can be used from the command line without Qt.
"""
