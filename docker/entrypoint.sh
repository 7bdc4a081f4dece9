#!/bin/sh
# On every start: migrate; on the first start (no articles yet) import the sample corpus and index it.
set -e
python manage.py migrate --noinput
if [ "$(python manage.py shell -c 'from articles.models import Article; print(Article.objects.exists())')" = "False" ]; then
  python manage.py import_articles data/seed
  python manage.py rebuild_index --noinput
fi
exec "$@"
