# $CATALINA_BASE/bin/setenv.sh: read by catalina.sh at every start. Owner-readable only (chmod 600): the
# secrets below end up in the process environment, never in warden.yaml.
#
# Where warden.yaml is. A system property applies to every web application of this Tomcat; to name it for
# one application only, use the context parameter in conf/Catalina/localhost/ROOT.xml instead.
CATALINA_OPTS="$CATALINA_OPTS -Dwarden.config=/etc/warden/warden.yaml"
CATALINA_OPTS="$CATALINA_OPTS -Xms512m -Xmx1g"

# Read by warden.yaml as ${WARDEN_DB_PASSWORD} and ${WARDEN_RELEASE_SECRET}. Better: keep them in a file the
# service manager loads (systemd EnvironmentFile=) and drop these two lines.
export WARDEN_DB_PASSWORD='change-me'
export WARDEN_RELEASE_SECRET='at-least-32-random-characters-change-me'
