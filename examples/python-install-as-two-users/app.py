import gunicorn
