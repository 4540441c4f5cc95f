module github.com/osarena/osarena

go 1.26
