INSTALLED_APPS = ["myapp.core", "myapp.accounts"]
SITE_NAME = "django-like demo"
