# SYNTAX TEST "source.dockerfile" "forewarn-ignore directives in Dockerfile comments"
# forewarn-ignore[image-latest] pinned by the build system
# <- comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
# ^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.directive.forewarn
#                 ^^^^^^^^^^^^ comment.line.number-sign.dockerfile entity.name.tag.rule-id.forewarn
#                               ^^^^^^ comment.line.number-sign.dockerfile - keyword entity
FROM node:latest
# <---- keyword.other.special-method.dockerfile
  # forewarn-ignore-file[apt-no-pin]
# ^ comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
#   ^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.directive.forewarn
#                        ^^^^^^^^^^ entity.name.tag.rule-id.forewarn
RUN apt-get update # forewarn-ignore[not-a-comment-in-a-dockerfile]
# <--- keyword.other.special-method.dockerfile
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ - keyword.control.directive.forewarn entity.name.tag.rule-id.forewarn
# see forewarn-ignore[only-right-after-the-hash]
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - keyword entity
