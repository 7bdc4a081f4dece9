# The archive's web image: gunicorn serving Django, static files through WhiteNoise.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN DEBUG=false SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --system archive && mkdir -p /data/whoosh /data/cache && chown archive /data/whoosh /data/cache
# the browse pages' cached counts, shared by the gunicorn workers of this container
ENV CACHE_PATH=/data/cache
USER archive
EXPOSE 8000
ENTRYPOINT ["docker/entrypoint.sh"]
CMD ["gunicorn", "pilkada_archive.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
