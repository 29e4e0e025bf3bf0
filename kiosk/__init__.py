"""SEN disagreement kiosk: the SENDIASS Rutland leaflet as a touchscreen kiosk."""

__version__ = "0.1.0"
APP_NAME = "SEN Help Kiosk"
APP_ID = "sen-kiosk"
